export const BASE_URL_VARIABLE = 'YUNWEI_E2E_BASE_URL';

export function serverBaseUrl(): string {
  const url = process.env[BASE_URL_VARIABLE];
  if (url === undefined || url === '') {
    throw new Error(`${BASE_URL_VARIABLE} 未设置：服务应由 e2e/support/global-setup.ts 启动`);
  }
  return url;
}
