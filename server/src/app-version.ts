import packageJson from '../../package.json' with { type: 'json' };

/** The release this server belongs to, reported by the health endpoint. */
export const APP_VERSION: string = packageJson.version;
