// The node-side layer the server and the CLI share: files, encodings, segmentation, Word.
export * from './files';
export * from './decode';
export * from './corpusPaths';
export * from './corpus/speechFiles';
export * from './corpus/segmenter';
export * from './corpus/mineFolders';
export * from './export/docx';
export * from './corpus/minedIndexFile';
