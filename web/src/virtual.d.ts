declare module 'virtual:concord-map' {
  const map: {
    width: number;
    height: number;
    shapes: Array<{ iso3: string; name: string; d: string; dot: [number, number] | null }>;
  };
  export default map;
}
