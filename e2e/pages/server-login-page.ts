import type { Locator, Page } from '@playwright/test';

/** 登录服务器账号: the server tab of the login screen, and the header's account menu. */
export class ServerLoginPage {
  readonly form: Locator;
  readonly server: Locator;
  readonly username: Locator;
  readonly password: Locator;
  readonly submit: Locator;
  readonly error: Locator;
  readonly currentUser: Locator;

  constructor(readonly page: Page) {
    this.form = page.getByTestId('login-form');
    this.server = page.getByTestId('login-server');
    this.username = page.getByTestId('login-username');
    this.password = page.getByTestId('login-password');
    this.submit = page.getByTestId('login-submit');
    this.error = page.getByTestId('login-error');
    this.currentUser = page.getByTestId('current-user');
  }

  /**
   * Opens the app at `path` and signs in to `serverUrl` (the page's own origin when it serves the
   * app); `/` is where the app opens after sign-in (我的工作).
   */
  async signIn(serverUrl: string, username: string, password: string, path = '/#/tickets'): Promise<void> {
    await this.page.goto(path);
    await this.form.waitFor();
    await this.server.fill(serverUrl);
    await this.username.fill(username);
    await this.password.fill(password);
    await this.submit.click();
    await this.currentUser.waitFor();
  }
}
