import { expect, type Locator, type Page } from '@playwright/test';

/** 培训: each requirement's sessions this contract year, and the list of trainings. */
export class TrainingsListPage {
  readonly heading: Locator;
  readonly newButton: Locator;
  readonly progress: Locator;
  readonly progressEmpty: Locator;
  readonly rows: Locator;
  readonly empty: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { name: '培训', exact: true });
    this.newButton = page.getByTestId('new-training');
    this.progress = page.getByTestId('training-progress');
    this.progressEmpty = page.getByTestId('training-progress-empty');
    this.rows = page.getByTestId('training-row');
    this.empty = page.getByTestId('trainings-empty');
  }

  async open(): Promise<void> {
    await this.page.goto('/#/trainings');
    await this.heading.waitFor();
  }

  /** Through the menu: no page load, so it works with the network cut too. */
  async openFromMenu(): Promise<void> {
    await this.page.getByRole('menuitem', { name: '培训' }).click();
    await this.heading.waitFor();
  }

  /** The progress row of a requirement (its id in the contract profile). */
  requirement(requirementId: string): Locator {
    return this.progress.locator(`tr[data-requirement="${requirementId}"]`);
  }
}

/** 登记培训 / 修改培训记录. */
export class TrainingFormPage {
  readonly form: Locator;
  readonly subsystem: Locator;
  readonly requirement: Locator;
  readonly requirementSummary: Locator;
  readonly topic: Locator;
  readonly duration: Locator;
  readonly place: Locator;
  readonly trainerNames: Locator;
  readonly trainerLevels: Locator;
  readonly attendeeName: Locator;
  readonly attendeeUnit: Locator;
  readonly attendeeCount: Locator;
  readonly attendeeRows: Locator;
  readonly headCount: Locator;
  readonly signInSheet: Locator;
  readonly materials: Locator;
  readonly surveyScore: Locator;
  readonly save: Locator;

  constructor(readonly page: Page) {
    this.form = page.getByTestId('training-form');
    this.subsystem = page.getByTestId('field-subsystem');
    this.requirement = page.getByTestId('field-requirement');
    this.requirementSummary = page.getByTestId('requirement-summary');
    this.topic = page.getByTestId('field-topic');
    this.duration = page.getByTestId('field-duration');
    this.place = page.getByTestId('field-place');
    this.trainerNames = page.getByTestId('trainer-name');
    this.trainerLevels = page.getByTestId('trainer-level');
    this.attendeeName = page.getByTestId('attendee-name');
    this.attendeeUnit = page.getByTestId('attendee-unit');
    this.attendeeCount = page.getByTestId('attendee-count');
    this.attendeeRows = page.getByTestId('attendee-row');
    this.headCount = page.getByTestId('field-attendee-count');
    this.signInSheet = page.getByTestId('sign-in-sheet');
    this.materials = page.getByTestId('training-materials');
    this.surveyScore = page.getByTestId('field-survey-score');
    this.save = page.getByTestId('save-training');
  }

  /** The error shown beside the field holding `field`. */
  errorOf(field: Locator): Locator {
    return this.page
      .locator('.ant-form-item')
      .filter({ has: field })
      .last()
      .locator('.ant-form-item-explain-error');
  }

  /** Picks a trainer's level (初级/中级/高级讲师). */
  async trainerLevel(index: number, label: string): Promise<void> {
    const select = this.trainerLevels.nth(index);
    // The dropdown opens with an animation; a click during it can miss, so pick until it shows.
    await expect(async () => {
      if ((await this.page.locator('.ant-select-dropdown:visible').count()) === 0) await select.click();
      await this.page
        .locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: label })
        .click({ timeout: 2_000 });
      await expect(select).toContainText(label, { timeout: 1_000 });
    }).toPass({ timeout: 15_000 });
  }

  /** Types people as a list is read out: name, Enter, next name. */
  async typeAttendees(unit: string, names: readonly string[]): Promise<void> {
    await this.attendeeUnit.fill(unit);
    await this.attendeeName.click();
    for (const name of names) {
      await this.page.keyboard.type(name);
      await this.page.keyboard.press('Enter');
    }
  }

  /** Pastes a column of names (as copied from a spreadsheet) into the name box. */
  async pasteAttendeeColumn(names: readonly string[]): Promise<void> {
    await this.attendeeName.focus();
    await this.page.evaluate((text) => {
      const data = new DataTransfer();
      data.setData('text/plain', text);
      const event = new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true });
      (document.activeElement ?? document.body).dispatchEvent(event);
    }, names.join('\n'));
  }

  /** Switches to a head count plus the photographed paper sign-in sheet. */
  async countWithSheet(count: number, photo: { name: string; buffer: Buffer }): Promise<void> {
    await this.page.getByText('人数 + 纸质签到表照片').click();
    await this.headCount.fill(String(count));
    await this.signInSheet.getByTestId('attachment-input').setInputFiles({ ...photo, mimeType: 'image/png' });
    await expect(this.signInSheet.getByTestId('attachment-item')).toHaveCount(1);
  }

  async addMaterial(file: { name: string; mimeType: string; buffer: Buffer }): Promise<void> {
    const before = await this.materials.getByTestId('attachment-item').count();
    await this.materials.getByTestId('attachment-input').setInputFiles(file);
    await expect(this.materials.getByTestId('attachment-item')).toHaveCount(before + 1);
  }
}

/** 培训记录: one training and whether it meets its requirement. */
export class TrainingDetailPage {
  readonly detail: Locator;
  readonly title: Locator;
  readonly verdict: Locator;
  readonly reasons: Locator;
  readonly materials: Locator;
  readonly attendees: Locator;
  readonly notFound: Locator;

  constructor(readonly page: Page) {
    this.detail = page.getByTestId('training-detail');
    this.title = page.getByTestId('training-title');
    this.verdict = page.getByTestId('training-verdict');
    this.reasons = page.getByTestId('verdict-reason');
    this.materials = page.getByTestId('training-materials-view').getByTestId('attachment-item');
    this.attendees = page.getByTestId('training-attendees');
    this.notFound = page.getByText('找不到这条培训记录');
  }

  /** The id of the training shown. */
  async trainingId(): Promise<string> {
    const id = await this.detail.getAttribute('data-training-id');
    if (id === null) throw new Error('培训记录页没有记录编号');
    return id;
  }
}
