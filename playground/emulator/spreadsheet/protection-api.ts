/**
 * Protection: who may edit a sheet or range. The owner can always edit; other users only when
 * listed as editors, unless the protection is warning-only. Edits the active user may not make
 * fail with the platform's "protected cell" error.
 */
import type { GridRect } from './a1';
import type { Calls } from './calls';
import { fail, MSG } from './messages';
import type { ProtectionState, SheetState } from './model';
import { RangeApi } from './range-api';

const SVC = 'Protection';

export interface UserApi {
  getEmail(): string;
  getUserLoginId(): string;
}

export function userFor(email: string): UserApi {
  return { getEmail: () => email, getUserLoginId: () => email };
}

function emailOf(user: unknown): string {
  if (typeof user === 'string') return user;
  const u = user as { getEmail?: () => string };
  return typeof u?.getEmail === 'function' ? u.getEmail() : String(user);
}

export function newProtection(
  calls: Calls,
  sheet: SheetState,
  type: 'SHEET' | 'RANGE',
  range?: GridRect,
): ProtectionApi {
  if (type === 'SHEET') {
    // A sheet has at most one sheet protection; protect() returns it when it exists.
    const existing = sheet.protections.find((p) => p.type === 'SHEET');
    if (existing) return new ProtectionApi(calls, sheet, existing);
  }
  const wb = calls.wb;
  const editors = [wb.owner];
  const user = calls.emu.activeUser();
  if (!editors.includes(user)) editors.push(user);
  const state: ProtectionState = {
    id: wb.newObjectId(),
    type,
    range: type === 'RANGE' ? range : undefined,
    description: '',
    warningOnly: false,
    mirror: true,
    editors,
    domainEdit: false,
    unprotected: [],
  };
  sheet.protections.push(state);
  return new ProtectionApi(calls, sheet, state);
}

export class ProtectionApi {
  constructor(
    private readonly calls: Calls,
    private readonly sheet: SheetState,
    readonly state: ProtectionState,
  ) {}

  private read(method: string): void {
    this.calls.read(SVC, method);
  }

  /** Only the owner and the protection's editors may change it. */
  private write(method: string): void {
    this.calls.write(SVC, method);
    if (!this.userCanEdit()) fail(MSG.protectedCell);
  }

  private userCanEdit(): boolean {
    const user = this.calls.emu.activeUser();
    return this.state.mirror || user === this.calls.wb.owner || this.state.editors.includes(user);
  }

  getProtectionType(): string {
    this.read('getProtectionType');
    return this.state.type;
  }

  getDescription(): string {
    this.read('getDescription');
    return this.state.description;
  }

  setDescription(description: string): this {
    this.write('setDescription');
    this.state.description = String(description ?? '');
    return this;
  }

  isWarningOnly(): boolean {
    this.read('isWarningOnly');
    return this.state.warningOnly;
  }

  setWarningOnly(warningOnly: boolean): this {
    this.write('setWarningOnly');
    this.state.warningOnly = Boolean(warningOnly);
    return this;
  }

  getEditors(): UserApi[] {
    this.read('getEditors');
    return this.state.editors.map(userFor);
  }

  addEditor(user: unknown): this {
    this.write('addEditor');
    this.add([emailOf(user)]);
    return this;
  }

  addEditors(users: unknown[]): this {
    this.write('addEditors');
    this.add(users.map(emailOf));
    return this;
  }

  removeEditor(user: unknown): this {
    this.write('removeEditor');
    this.remove_([emailOf(user)]);
    return this;
  }

  removeEditors(users: unknown[]): this {
    this.write('removeEditors');
    this.remove_(users.map(emailOf));
    return this;
  }

  private add(emails: string[]): void {
    this.state.mirror = false;
    for (const e of emails) if (!this.state.editors.includes(e)) this.state.editors.push(e);
  }

  /** The owner always keeps edit access, as in Sheets. */
  private remove_(emails: string[]): void {
    this.state.mirror = false;
    const owner = this.calls.wb.owner;
    this.state.editors = this.state.editors.filter((e) => e === owner || !emails.includes(e));
  }

  canEdit(): boolean {
    this.read('canEdit');
    return this.userCanEdit();
  }

  canDomainEdit(): boolean {
    this.read('canDomainEdit');
    return this.state.domainEdit;
  }

  setDomainEdit(editable: boolean): this {
    this.write('setDomainEdit');
    this.state.mirror = false;
    this.state.domainEdit = Boolean(editable);
    return this;
  }

  getRange(): RangeApi {
    this.read('getRange');
    const rect = this.state.range ?? {
      row: 1,
      col: 1,
      numRows: this.sheet.maxRows,
      numCols: this.sheet.maxCols,
    };
    return new RangeApi(this.calls, this.sheet, { ...rect });
  }

  setRange(range: RangeApi): this {
    this.write('setRange');
    if (this.state.type === 'RANGE') this.state.range = { ...range.rect };
    return this;
  }

  getUnprotectedRanges(): RangeApi[] {
    this.read('getUnprotectedRanges');
    return this.state.unprotected.map((r) => new RangeApi(this.calls, this.sheet, { ...r }));
  }

  setUnprotectedRanges(ranges: RangeApi[]): this {
    this.write('setUnprotectedRanges');
    if (this.state.type === 'SHEET') this.state.unprotected = ranges.map((r) => ({ ...r.rect }));
    return this;
  }

  remove(): void {
    this.write('remove');
    this.sheet.protections = this.sheet.protections.filter((p) => p !== this.state);
  }
}
