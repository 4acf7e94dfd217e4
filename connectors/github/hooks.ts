/**
 * What the GitHub declaration cannot say by itself. GitHub's issues endpoint returns issues and
 * pull requests together ("every pull request is an issue, but not every issue is a pull
 * request"; pull requests carry a `pull_request` key:
 * https://docs.github.com/rest/issues/issues#list-repository-issues), so the issues stream keeps
 * one kind and the pull_requests stream the other.
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

/** Label objects carry URLs, colours and ids; their names are what a spreadsheet needs. */
function labelNames(labels: unknown): string[] {
  if (!Array.isArray(labels)) return [];
  return labels
    .map((label) => (isRecord(label) ? label.name : label))
    .filter((name): name is string => typeof name === 'string');
}

export function mapIssue(raw: unknown): Record<string, unknown> {
  const item = isRecord(raw) ? raw : {};
  return { ...item, labels: labelNames(item.labels) };
}

/**
 * The merge time sits at `pull_request.merged_at` in the issues endpoint's items (GitHub added it
 * to the issue-pull-request object; the pulls endpoint has it at the top level), so it moves up
 * to `merged_at`, where the pulls endpoint would put it too.
 */
export function mapPullRequest(raw: unknown): Record<string, unknown> {
  const item = isRecord(raw) ? raw : {};
  const pr = isRecord(item.pull_request) ? item.pull_request : {};
  return { ...mapIssue(item), merged_at: pr.merged_at ?? null };
}
