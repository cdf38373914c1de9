/** Must equal `appId` in build/electron-builder.yml: Windows ties notifications and the taskbar to it. */
export const APP_ID = 'cn.yunwei.desk';
