// electron-builder `beforeBuild` hook. Returning false tells electron-builder that node_modules are
// handled elsewhere: the main process and preload are bundled by Vite with every dependency inlined,
// so copying the project's production dependencies (React, Ant Design, the server's Fastify and
// PGlite) into app.asar would only bloat the installer.
module.exports = async function skipNodeModules() {
  return false;
};
