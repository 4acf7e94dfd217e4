import { compactRecord } from '../../../connectors/gitlab/hooks';
import { gitlabSpec } from '../../../connectors/gitlab/spec';
import {
  issueJson,
  mergeRequestJson,
  projectJson,
  type SeedProject,
} from '../../../playground/mock-apis/gitlab/gitlab-shapes';
import { entryForBaseUrl, isUrlAllowed } from '../../../src/connect/allowlist';
import { checkColumnsAgainstPayloads, checkConnectorSpec, manifestAllowlist } from '../github/spec-checks';

const project: SeedProject = {
  id: 7,
  path: 'acme/api',
  created_at: '2024-01-01T00:00:00Z',
  issues: [],
  merge_requests: [],
};
const at = '2024-01-02T00:00:00Z';
const web = 'https://gitlab.com';

describe('GitLab connector spec', () => {
  checkConnectorSpec(gitlabSpec);
  checkColumnsAgainstPayloads(gitlabSpec, {
    projects: projectJson(web, project),
    issues: issueJson(web, project, {
      iid: 1,
      title: 'Bug',
      state: 'opened',
      created_at: at,
      updated_at: at,
    }),
    merge_requests: mergeRequestJson(web, project, {
      iid: 1,
      title: 'Fix',
      state: 'merged',
      created_at: at,
      updated_at: at,
      merged_at: at,
    }),
  });

  it('sends the token in the PRIVATE-TOKEN header', () => {
    expect(gitlabSpec.auth).toEqual({ type: 'header', header: 'PRIVATE-TOKEN', field: 'token' });
  });

  it('offers the API address as a field whose default is the spec base URL', () => {
    const field = gitlabSpec.fields.find((f) => f.key === 'baseUrl');
    expect(field?.default).toBe(gitlabSpec.baseUrl);
  });

  it('reaches a self-managed GitLab only once its host is added through extraAllowedUrls', () => {
    const selfManaged = 'https://gitlab.acme.io/api/v4/projects';
    expect(isUrlAllowed(selfManaged, manifestAllowlist(gitlabSpec))).toBe(false);
    const extra = entryForBaseUrl('https://gitlab.acme.io/api/v4') as string;
    expect(isUrlAllowed(selfManaged, manifestAllowlist(gitlabSpec, [extra]))).toBe(true);
  });

  it('partitions issues and merge requests by the listed or discovered projects', () => {
    const partitioned = gitlabSpec.streams.filter((s) => 'partitions' in s).map((s) => s.name);
    expect(partitioned).toEqual(['issues', 'merge_requests']);
  });

  const pattern = (key: string) =>
    new RegExp(gitlabSpec.fields.find((f) => f.key === key)?.pattern as string);

  it.each([
    ['a personal access token', 'glpat-AbCdEfGhIjKlMnOpQrSt', true],
    ['a token with a spaced paste', 'glpat-abc def ghi jkl mno', false],
    ['a truncated token', 'glpat-abc', false],
  ])('the token pattern accepts or rejects %s', (_what, value, ok) => {
    expect(pattern('token').test(value)).toBe(ok);
  });

  it.each([
    ['paths and IDs', 'acme/api, acme/platform/web, 42', true],
    ['nothing (every project)', '', true],
    ['a project URL', 'https://gitlab.com/acme/api', false],
  ])('the projects pattern accepts or rejects %s', (_what, value, ok) => {
    expect(pattern('projects').test(value)).toBe(ok);
  });

  it.each([
    ['GitLab.com', 'https://gitlab.com/api/v4', true],
    ['a self-managed instance with a port', 'https://git.acme.io:8443/api/v4', true],
    ['a bare host name', 'gitlab.acme.io', false],
  ])('the API address pattern accepts or rejects %s', (_what, value, ok) => {
    expect(pattern('baseUrl').test(value)).toBe(ok);
  });
});

describe('GitLab record trimming', () => {
  it('never lets a project runners token reach a cell, and drops link blocks and avatars', () => {
    const raw = projectJson(web, project);
    expect(JSON.stringify(raw)).toContain('runners_token');
    const trimmed = JSON.stringify(compactRecord(raw));
    expect(trimmed).not.toMatch(/runners_token|_links|avatar_url/);
    expect(trimmed).toContain('"web_url"');
  });
});
