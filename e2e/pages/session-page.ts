import type { Locator, Page } from '@playwright/test';

/** The local profile chooser (选择本机用户) and the header's user badge. */
export class SessionPage {
  readonly chooser: Locator;
  readonly nameInput: Locator;
  readonly createButton: Locator;
  readonly currentUser: Locator;

  constructor(readonly page: Page) {
    this.chooser = page.getByTestId('profile-chooser');
    this.nameInput = page.getByLabel('新用户姓名');
    this.createButton = page.getByRole('button', { name: '新建并进入' });
    this.currentUser = page.getByTestId('current-user');
  }

  /**
   * Signs in as `name` after a navigation: picks the user if this browser context already has them,
   * creates them otherwise; does nothing when the remembered user is already signed in.
   */
  async signIn(name: string = 'e2e 工程师'): Promise<void> {
    const readyChooser = this.page.locator('[data-testid="profile-chooser"][data-state="ready"]');
    // Where a server answers, the login screen opens on the server tab: local profiles are the other.
    const localTab = this.page.getByRole('tab', { name: '本机用户（不联网）' });
    await readyChooser.or(this.currentUser).or(localTab).first().waitFor();
    if (await this.currentUser.isVisible()) return;
    if (!(await readyChooser.isVisible())) {
      await localTab.click();
      await readyChooser.waitFor();
    }
    const existing = this.page.getByRole('button', { name: `以 ${name} 进入` });
    if (await existing.isVisible()) {
      await existing.click();
    } else {
      await this.nameInput.fill(name);
      await this.createButton.click();
    }
    await this.currentUser.waitFor();
  }

  async switchUser(): Promise<void> {
    await this.currentUser.click();
    await this.page.getByRole('menuitem', { name: '切换用户' }).click();
    await this.chooser.waitFor();
  }
}
