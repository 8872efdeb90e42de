// Preloaded with `node --require` (NODE_OPTIONS, so that forked processes get it too): every native
// addon fails to load, as nodejieba's binary does on a platform it was not built for.
import Module from 'module';

(Module as unknown as { _extensions: Record<string, () => never> })._extensions['.node'] = () => {
  throw new Error('native addons cannot load here (test/noNativeAddons)');
};
