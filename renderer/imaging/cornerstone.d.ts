// Minimal typings for the cornerstone 2.x family (no published types); only what the viewer uses.
declare module 'cornerstone-core' {
  const cornerstone: any; // eslint-disable-line @typescript-eslint/no-explicit-any
  export default cornerstone;
}
declare module 'cornerstone-tools' {
  const cornerstoneTools: any; // eslint-disable-line @typescript-eslint/no-explicit-any
  export default cornerstoneTools;
}
declare module 'cornerstone-math' {
  const cornerstoneMath: any; // eslint-disable-line @typescript-eslint/no-explicit-any
  export default cornerstoneMath;
}
declare module 'hammerjs' {
  const Hammer: any; // eslint-disable-line @typescript-eslint/no-explicit-any
  export default Hammer;
}
