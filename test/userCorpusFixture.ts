import * as fs from 'node:fs';
import * as path from 'node:path';
import * as iconv from 'iconv-lite';
import { Document, Packer, Paragraph } from 'docx';

/**
 * A user's corpus folder as users have them: an old speech saved as GBK .txt, a .docx, and two
 * files that are not speeches (a binary with a .txt name, and a .bin).
 */
export async function writeUserCorpus(folder: string): Promise<void> {
  fs.mkdirSync(folder, { recursive: true });
  fs.writeFileSync(path.join(folder, '旧讲话.txt'), iconv.encode([
    '在全县安全生产会议上的讲话',
    '同志们：',
    '今天召开会议。要坚持安全第一、预防为主、综合治理，压紧压实安全生产责任。',
    '一要压实责任。',
    '同志们，让我们共同努力！',
  ].join('\r\n'), 'gbk'));
  const docx = new Document({
    sections: [{
      children: ['在防汛工作会议上的讲话', '同志们：', '要做到守土有责、守土担责、守土尽责，坚持安全第一、预防为主、综合治理。']
        .map(text => new Paragraph(text)),
    }],
  });
  fs.writeFileSync(path.join(folder, '防汛讲话.docx'), await Packer.toBuffer(docx));
  fs.writeFileSync(path.join(folder, 'scan.txt'), Buffer.from([0x25, 0x50, 0x44, 0x46, 0, 1, 2, 0xff, 0]));
  fs.writeFileSync(path.join(folder, 'scan.bin'), Buffer.from([0, 1, 2, 3, 0xff]));
}
