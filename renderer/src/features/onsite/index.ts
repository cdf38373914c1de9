export { OnSitePage } from './OnSitePage';
