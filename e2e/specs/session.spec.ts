import { SessionPage } from '../pages/session-page';
import { expect, test } from '../support/offline-test';

/** The local profile chooser, with the server unreachable: who works at this PC, remembered per browser. */
test('a new user is remembered across reloads, and 切换用户 goes back to the chooser listing everyone', async ({
  page,
}) => {
  const session = new SessionPage(page);
  await page.goto('/');
  await expect(session.chooser).toContainText('本机还没有用户');
  await page.screenshot({ path: 'e2e/artifacts/session-chooser-empty.png' });

  await session.signIn('张伟');
  await expect(session.currentUser).toHaveText('张伟');
  await page.reload();
  await expect(session.currentUser).toHaveText('张伟');

  await session.switchUser();
  await expect(page).toHaveURL(/#\/$/);
  await session.signIn('李娜');
  await expect(session.currentUser).toHaveText('李娜');

  await session.switchUser();
  await expect(page.getByRole('button', { name: '以 张伟 进入' })).toBeVisible();
  await expect(page.getByRole('button', { name: '以 李娜 进入' })).toBeVisible();
  await page.screenshot({ path: 'e2e/artifacts/session-chooser-two-users.png' });

  await session.nameInput.fill('张伟');
  await session.createButton.click();
  await expect(session.chooser).toContainText('本机已有名为“张伟”的用户');
});
