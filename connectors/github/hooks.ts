/**
 * What the GitHub declaration cannot say by itself.
 *
 * - GitHub's issues endpoint returns issues and pull requests together ("every pull request is
 *   an issue, but not every issue is a pull request"; pull requests carry a `pull_request` key:
 *   https://docs.github.com/rest/issues/issues#list-repository-issues), so the issues stream
 *   keeps one kind and the pull_requests stream the other.
 * - GitHub items are mostly API links: an issue has about 30 `*_url` fields of its own and of
 *   its user, a repository over 40. The sync engine keeps every field as a column, so each
 *   record is trimmed to its data first: a spreadsheet holds 10 million cells at most, and the
 *   links would take more than half of them.
 * - Repository objects carry `temp_clone_token`, a short-lived clone credential: it must never
 *   reach a cell.
 */

type Raw = Record<string, unknown>;

function isRecord(value: unknown): value is Raw {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isPullRequest(item: Raw): boolean {
  return isRecord(item.pull_request);
}

function listItems(body: unknown): Raw[] {
  return Array.isArray(body) ? body.filter(isRecord) : [];
}

export function selectIssuesOnly(body: unknown): unknown[] {
  return listItems(body).filter((item) => !isPullRequest(item));
}

export function selectPullRequestsOnly(body: unknown): unknown[] {
  return listItems(body).filter(isPullRequest);
}

/** API links and ids for GraphQL or avatars: `url`, `*_url` (but `html_url`, the page people open), `node_id`, `gravatar_id`. */
function isLinkField(key: string): boolean {
  return (
    (key === 'url' || key.endsWith('_url') || key === 'node_id' || key === 'gravatar_id') &&
    key !== 'html_url'
  );
}

/** Credentials GitHub puts in objects (`temp_clone_token`). */
function isSecretField(key: string): boolean {
  return /token/i.test(key);
}

/** The value without API link fields and credentials, at every depth. */
export function withoutLinks(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutLinks);
  if (!isRecord(value)) return value;
  const out: Raw = {};
  for (const [key, v] of Object.entries(value))
    if (!isLinkField(key) && !isSecretField(key)) out[key] = withoutLinks(v);
  return out;
}

function compact(raw: unknown): Raw {
  const item = withoutLinks(raw);
  return isRecord(item) ? item : {};
}

/** Label objects carry colours, ids and descriptions; their names are what a spreadsheet needs. */
function labelNames(labels: unknown): string[] {
  if (!Array.isArray(labels)) return [];
  return labels
    .map((label) => (isRecord(label) ? label.name : label))
    .filter((name): name is string => typeof name === 'string');
}

function logins(users: unknown): string[] {
  if (!Array.isArray(users)) return [];
  return users
    .map((u) => (isRecord(u) ? u.login : undefined))
    .filter((l): l is string => typeof l === 'string');
}

export function mapIssue(raw: unknown): Raw {
  const item = compact(raw);
  const reactions = isRecord(item.reactions) ? { total_count: item.reactions.total_count } : undefined;
  const out: Raw = { ...item, labels: labelNames(item.labels), assignees: logins(item.assignees) };
  if (reactions) out.reactions = reactions;
  else delete out.reactions;
  return out;
}

/**
 * The merge time sits at `pull_request.merged_at` in the issues endpoint's items (the pulls
 * endpoint has it at the top level), so it moves up to `merged_at`, where the pulls endpoint
 * would put it too.
 */
export function mapPullRequest(raw: unknown): Raw {
  const item = mapIssue(raw);
  const pr = isRecord(item.pull_request) ? item.pull_request : {};
  const { pull_request: _links, ...rest } = item;
  return { ...rest, merged_at: pr.merged_at ?? null };
}

export function mapRepository(raw: unknown): Raw {
  return compact(raw);
}

export function mapCommit(raw: unknown): Raw {
  const item = compact(raw);
  // Parents are sha lists; a merge commit has two. Their count is what a sheet can use.
  const parents = Array.isArray(item.parents) ? item.parents.length : 0;
  const { parents: _list, ...rest } = item;
  return { ...rest, parent_count: parents };
}

/** Assets are whole objects (uploader included); a release's asset count and downloads are the data. */
export function mapRelease(raw: unknown): Raw {
  const item = compact(raw);
  const assets = Array.isArray(item.assets) ? item.assets.filter(isRecord) : [];
  const { assets: _assets, ...rest } = item;
  const downloads = assets.reduce(
    (n, a) => n + (typeof a.download_count === 'number' ? a.download_count : 0),
    0,
  );
  return { ...rest, asset_count: assets.length, download_count: downloads };
}
