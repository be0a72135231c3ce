export function Brand() {
  return (
    <div className="brand">
      <div className="brand-mark" aria-hidden="true">
        C
      </div>
      <div className="brand-name">Continuum</div>
    </div>
  );
}
