/** Pure: a search snippet whose matches the core marked with \u0002 … \u0003. */
export function Snippet({ text }: { readonly text: string }) {
  const parts = text.split('\u0002');
  return (
    <>
      {parts.map((part, i) => {
        if (i === 0) return <span key={i}>{part}</span>;
        const [match, rest = ''] = part.split('\u0003');
        return (
          <span key={i}>
            <mark>{match}</mark>
            {rest}
          </span>
        );
      })}
    </>
  );
}
