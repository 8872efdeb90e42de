/**
 * The environment variable naming the folder where the server keeps V8's code cache of itself
 * (server/src/launch.ts): the extension gives its global storage; without it, the user's cache
 * folder (~/.cache/speech-draft/code-cache).
 */
export const CODE_CACHE_FOLDER_VARIABLE = 'SPEECH_DRAFT_CODE_CACHE';
