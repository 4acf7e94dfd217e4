import { build } from '../../scripts/build';

/** Every run tests the bundle it builds: the bundle tests load dist/Code.js. */
export default async function globalSetup(): Promise<void> {
  await build();
}
