/** The mock vendor server lives with the playground's mock APIs, which `npm start -- --mock-apis` also uses. */
export * from '../../playground/mock-apis/mock-server';
