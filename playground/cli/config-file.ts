import { existsSync, readFileSync } from 'node:fs';

/** One connection as the sidebar stores it; a secret may be `{ "env": "VAR" }` to keep keys out of files. */
export interface CliConnection {
  id?: string;
  connector: string;
  config: Record<string, string | number | boolean | { env: string }>;
}

export interface CliConfig {
  connections: CliConnection[];
}

export class ConfigError extends Error {}

/** Reads tapdash.json, resolving `{ "env": "VAR" }` values from the environment. */
export function readCliConfig(
  file: string,
  env: NodeJS.ProcessEnv = process.env,
): Array<{ id?: string; connector: string; config: Record<string, string> }> {
  if (!existsSync(file))
    throw new ConfigError(
      `No config file at ${file}. Create one like {"connections": [{"connector": "stripe", "config": {"apiKey": {"env": "STRIPE_KEY"}}}]}.`,
    );
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    throw new ConfigError(`${file} is not valid JSON: ${(e as Error).message}`);
  }
  const connections = (parsed as CliConfig | null)?.connections;
  if (!Array.isArray(connections)) throw new ConfigError(`${file} needs a "connections" list.`);
  return connections.map((c, i) => {
    if (!c || typeof c.connector !== 'string')
      throw new ConfigError(
        `Connection ${i + 1} in ${file} needs a "connector" (see \`tapdash connectors\`).`,
      );
    const config: Record<string, string> = {};
    for (const [key, value] of Object.entries(c.config ?? {})) {
      if (value && typeof value === 'object' && 'env' in value) {
        const v = env[value.env];
        if (v === undefined || v === '')
          throw new ConfigError(
            `Connection "${c.id ?? c.connector}" reads ${key} from the environment variable ${value.env}, which is not set.`,
          );
        config[key] = v;
      } else {
        config[key] = String(value);
      }
    }
    return { id: c.id, connector: c.connector, config };
  });
}
