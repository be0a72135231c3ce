import { describe, expect, it } from 'vitest';
import { MultipartError, parseMediaType, splitMultipart } from '../../../electron/imaging/dicomweb';

const text = (bytes: Uint8Array) => Buffer.from(bytes).toString('latin1');
const body = (s: string) => new Uint8Array(Buffer.from(s, 'latin1'));

describe('multipart/related as WADO-RS sends it', () => {
  it('reads the media type: quoted and bare parameters, escapes, case, and junk between them', () => {
    const media = parseMediaType('Multipart/Related; type="application/dicom"; BOUNDARY="a \\"b\\"; c"; junk; transfer-syntax=1.2.840.10008.1.2.4.90');
    expect(media.type).toBe('multipart/related');
    expect(media.params.get('type')).toBe('application/dicom');
    expect(media.params.get('boundary')).toBe('a "b"; c');
    expect(media.params.get('transfer-syntax')).toBe('1.2.840.10008.1.2.4.90');
    expect(parseMediaType('application/dicom').params.size).toBe(0);
  });

  it('splits parts: preamble and epilogue ignored, a quoted boundary, transport padding, a part without headers, Content-Length used', () => {
    const raw =
      'preamble to ignore\r\n' +
      '--b:1 \t\r\nContent-Type: application/dicom; transfer-syntax=1.2.840.10008.1.2.1\r\nContent-Length: 10\r\n\r\n' +
      // The declared 10 bytes hold what looks like a delimiter; the Content-Length decides where the part ends.
      '01\r\n--b:1X' +
      '\r\n--b:1\r\n\r\nno headers here\r\n' +
      '--b:1\r\nContent-Type: application/dicom\r\n\r\n\r\n--b:1--\r\nepilogue';
    const parts = splitMultipart('multipart/related; type="application/dicom"; boundary="b:1"', body(raw));
    expect(parts.map((p) => [p.mediaType.type, p.mediaType.params.get('transfer-syntax') ?? null, text(p.bytes)])).toEqual([
      ['application/dicom', '1.2.840.10008.1.2.1', '01\r\n--b:1X'],
      ['text/plain', null, 'no headers here'],
      ['application/dicom', null, ''],
    ]);
  });

  it('keeps binary content whole, CRLF and dashes inside it included', () => {
    const payload = Buffer.concat([Buffer.alloc(128), Buffer.from('DICM'), Buffer.from([0x0d, 0x0a, 0x2d, 0x2d, 0xff, 0x00, 0x0d, 0x0a])]);
    const raw = Buffer.concat([Buffer.from('--XyZ\r\nContent-Type: application/dicom\r\n\r\n'), payload, Buffer.from('\r\n--XyZ--')]);
    const [part] = splitMultipart('multipart/related; boundary=XyZ', new Uint8Array(raw));
    expect(Buffer.compare(Buffer.from(part!.bytes), payload)).toBe(0);
  });

  it('refuses a body cut anywhere before its closing boundary, never answering a partial part', () => {
    const raw = '--B\r\nContent-Type: application/dicom\r\n\r\nfirst part\r\n--B\r\nContent-Type: application/dicom\r\nContent-Length: 6\r\n\r\nsecond\r\n--B--';
    expect(splitMultipart('multipart/related; boundary=B', body(raw))).toHaveLength(2);
    for (let cut = 0; cut < raw.length; cut++) {
      let error: unknown;
      try {
        splitMultipart('multipart/related; boundary=B', body(raw.slice(0, cut)));
      } catch (e) {
        error = e;
      }
      expect(error, `cut at ${cut}`).toBeInstanceOf(MultipartError);
      // A cut is reported as a cut, except where the bytes left are no longer a multipart body at all.
      if (cut >= 3) expect((error as MultipartError).truncated, `cut at ${cut}: ${(error as Error).message}`).toBe(true);
    }
  });

  it('refuses what is not multipart, a missing boundary, and a Content-Length that does not meet a boundary', () => {
    expect(() => splitMultipart('application/dicom', body('x'))).toThrow('not a multipart answer (application/dicom)');
    expect(() => splitMultipart('multipart/related; type="application/dicom"', body('x'))).toThrow('without a valid boundary');
    expect(() => splitMultipart('multipart/related; boundary=B', body('<html>no parts</html>'))).toThrow('no part boundary');
    const lying = '--B\r\nContent-Length: 3\r\n\r\nfirst\r\n--B--';
    expect(() => splitMultipart('multipart/related; boundary=B', body(lying))).toThrow('part 1 is not followed by a boundary where its Content-Length says it ends');
  });
});
