declare module 'gas-local' {
  const gasLocal: {
    require(
      folder: string,
      globals?: object,
      options?: { filter?: (file: string) => boolean },
    ): Record<string, unknown>;
    globalMockDefault: object;
  };
  export default gasLocal;
}
