import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { connectPacs, DicomWebError, pullFromPacs, PullInterruptedError, retrieveInstance, searchStudies } from '../../../electron/imaging/dicomweb';
import { createTestVault } from '../../helpers/temp-vault';
import { asNewStudy, haveRealDicom, realDicom, withImplicitElement } from '../../fixtures/imaging/dicom-files';
import { addPatient } from '../../fixtures/imaging/patients';

/**
 * The faults a real Orthanc will not produce on demand, from a small
 * misbehaving DICOMweb server on 127.0.0.1: bodies cut short, HTML where
 * DICOM belongs, silence, a connection dropped mid-answer.
 */
type Handler = (request: IncomingMessage, response: ServerResponse) => void;

const servers: Server[] = [];
const sockets = new Set<Socket>();
afterEach(async () => {
  for (const socket of sockets) socket.destroy();
  sockets.clear();
  await Promise.all(servers.splice(0).map((s) => new Promise((resolve) => s.close(resolve))));
});

async function serve(handler: Handler): Promise<string> {
  const server = createServer(handler);
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/dicom-web`;
}

/** The UIDs of nih_chest_dx.dcm: the fake PACS lists what it serves, as a real one does. */
const STUDY = '1.3.6.1.4.1.11129.5.5.112507010803284478207522016832191866964708';
const SERIES = '1.3.6.1.4.1.11129.5.5.112630850362182468372440828755218293352329';
const NIH_SOP = '1.3.6.1.4.1.11129.5.5.110503645592756492463169821050252582267888';
const json = (response: ServerResponse, value: unknown) => {
  response.writeHead(200, { 'content-type': 'application/dicom+json' });
  response.end(JSON.stringify(value));
};
const uid = (value: string) => ({ vr: 'UI', Value: [value] });
const multipart = (boundary: string, parts: Array<{ type: string; bytes: Uint8Array }>, close = true) =>
  Buffer.concat([
    ...parts.flatMap((p) => [Buffer.from(`--${boundary}\r\nContent-Type: ${p.type}\r\n\r\n`), Buffer.from(p.bytes), Buffer.from('\r\n')]),
    Buffer.from(close ? `--${boundary}--\r\n` : ''),
  ]);

/** A PACS with one study of `patientId`, one series, and these instances, each answered by `instance`. */
function pacsWith(instances: string[], instance: (sop: string, response: ServerResponse, request: IncomingMessage) => void, patientId = 'Covid0000'): Handler {
  return (request, response) => {
    const path = new URL(request.url!, 'http://x').pathname;
    if (path === '/dicom-web/studies') return json(response, [{ '0020000D': uid(STUDY), '00100020': { vr: 'LO', Value: [patientId] } }]);
    if (path === `/dicom-web/studies/${STUDY}/series`) return json(response, [{ '0020000E': uid(SERIES) }]);
    if (path === `/dicom-web/studies/${STUDY}/series/${SERIES}/instances`) {
      return json(response, instances.map((sop, i) => ({ '00080018': uid(sop), '00200013': { vr: 'IS', Value: [i + 1] } })));
    }
    const sop = /\/instances\/([0-9.]+)$/.exec(path)?.[1];
    if (sop && instances.includes(sop)) return instance(sop, response, request);
    response.writeHead(404).end();
  };
}

describe.skipIf(!haveRealDicom())('DICOMweb faults, one line each', () => {
  it('a bad instance is reported and skipped (cut-short multipart, HTML, no DICM, 404, wrong syntax label, another instance); the good one is filed', async () => {
    const dicom = realDicom('nih_chest_dx.dcm');
    const url = await serve(
      pacsWith(['2.25.1', '2.25.2', '2.25.3', '2.25.4', '2.25.5', '2.25.6', NIH_SOP], (sop, response) => {
        const related = (boundary: string) => ({ 'content-type': `multipart/related; type="application/dicom"; boundary="${boundary}"` });
        switch (sop) {
          case '2.25.1':
            response.writeHead(200, related('cut')).end(multipart('cut', [{ type: 'application/dicom', bytes: dicom }], false));
            return;
          case '2.25.2':
            response.writeHead(200, { 'content-type': 'text/html' }).end('<html>Login</html>');
            return;
          case '2.25.3':
            response.writeHead(200, related('x')).end(multipart('x', [{ type: 'application/dicom', bytes: new Uint8Array(400) }]));
            return;
          case '2.25.4':
            response.writeHead(404).end();
            return;
          case '2.25.5':
            response.writeHead(200, related('ts')).end(multipart('ts', [{ type: 'application/dicom; transfer-syntax=1.2.840.10008.1.2.4.90', bytes: dicom }]));
            return;
          case '2.25.6':
            response.writeHead(200, related('other')).end(multipart('other', [{ type: 'application/dicom', bytes: asNewStudy(dicom, 8) }]));
            return;
          default:
            response.writeHead(200, related("ok:(1)/=? '+_,.")).end(multipart("ok:(1)/=? '+_,.", [{ type: 'application/dicom; transfer-syntax=1.2.840.10008.1.2', bytes: dicom }]));
        }
      }),
    );
    const vault = createTestVault();
    addPatient(vault, { id: 'p-covid', given: 'Test', family: 'Covid0000', birthDate: null, identifiers: ['Covid0000'] });
    const summary = await pullFromPacs(vault, connectPacs({ url }), { patientId: 'p-covid' });
    const at = `PACS at ${url}: instance`;
    expect(summary.outcomes.map((o) => `${o.status} ${o.message}`)).toEqual([
      `rejected ${at} 2.25.1 arrived cut short: cut short in part 1 (no boundary after it)`,
      `rejected ${at} 2.25.2 came as text/html, not DICOM`,
      `rejected ${at} 2.25.3 is not a DICOM file (no DICM marker)`,
      `rejected PACS at ${url}: instance 2.25.4 was not found (HTTP 404)`,
      `rejected ${at} 2.25.5 is labelled transfer syntax 1.2.840.10008.1.2.4.90 but holds 1.2.840.10008.1.2`,
      `rejected ${url}/studies/${STUDY}/series/${SERIES}/instances/2.25.6: the PACS sent instance 2.25.100081 of study 2.25.100082 instead; not stored`,
      `imported ${url}/studies/${STUDY}/series/${SERIES}/instances/${NIH_SOP}: DX 1024 x 1024 (Implicit VR Little Endian) filed, matched on identifier, name`,
    ]);
    expect(vault.db.prepare(`SELECT count(*) FROM imaging_instances`).pluck().get()).toBe(1);
    vault.close();
  });

  it('never files an instance whose own patient data point to another chart or contradict the chart asked for; a duplicate chart is decided by the one named', async () => {
    const dicom = realDicom('nih_chest_dx.dcm');
    const url = await serve(
      pacsWith([NIH_SOP], (_sop, response) => {
        response.writeHead(200, { 'content-type': 'multipart/related; type="application/dicom"; boundary=b' });
        response.end(multipart('b', [{ type: 'application/dicom', bytes: dicom }]));
      }, 'MRN-42'),
    );
    const vault = createTestVault();
    addPatient(vault, { id: 'p-asked', given: 'Ann', family: 'Asked', birthDate: '1970-01-01', identifiers: ['MRN-42'] });
    addPatient(vault, { id: 'p-covid', given: 'Test', family: 'Covid0000', birthDate: null, identifiers: ['Covid0000'] });
    const other = await pullFromPacs(vault, connectPacs({ url }), { patientId: 'p-asked' });
    expect(other.outcomes[0]).toMatchObject({
      status: 'ambiguous',
      message: `${url}/studies/${STUDY}/series/${SERIES}/instances/${NIH_SOP}: its patient data match chart p-covid (on identifier, name), not p-asked; not stored`,
      candidates: [{ id: 'p-covid', matchedOn: ['identifier', 'name'] }],
    });
    // The chart asked for has the identifier but another family name: a contradiction, not stored.
    addPatient(vault, { id: 'p-smith', given: 'Test', family: 'Smith', birthDate: null, identifiers: ['MRN-42', 'Covid0000'] });
    const contradicted = await pullFromPacs(vault, connectPacs({ url }), { patientId: 'p-smith' });
    expect(contradicted.outcomes[0]).toMatchObject({ status: 'ambiguous', message: expect.stringContaining(': identifier Covid0000 is on 2 charts; not stored') });
    expect(vault.db.prepare(`SELECT count(*) FROM imaging_instances`).pluck().get()).toBe(0);
    // A duplicate of the chart: both fit; naming one of them decides.
    addPatient(vault, { id: 'p-twin', given: 'Test', family: 'Covid0000', birthDate: null, identifiers: ['Covid0000', 'MRN-42'] });
    const twin = await pullFromPacs(vault, connectPacs({ url }), { patientId: 'p-twin' });
    expect(twin.outcomes[0]).toMatchObject({ status: 'imported', patientId: 'p-twin', message: expect.stringMatching(/: DX 1024 x 1024 .* filed, the chart chosen by the clinician$/) });
    vault.close();
  });

  it('asks the PACS for the chart by its medical record numbers, never by a social security or licence number', async () => {
    const asked: string[] = [];
    const url = await serve((request, response) => {
      asked.push(new URL(request.url!, 'http://x').searchParams.get('PatientID') ?? '');
      json(response, []);
    });
    const vault = createTestVault();
    addPatient(vault, { id: 'p-1', given: 'Ann', family: 'Lee', birthDate: '1970-01-01' });
    const setIdentifiers = (ids: Array<{ value: string; type: string | null }>) =>
      vault.db.prepare(`UPDATE patients SET identifiers = ? WHERE id = 'p-1'`).run(JSON.stringify(ids.map((i) => ({ system: null, ...i }))));
    setIdentifiers([
      { value: 'SYN-1', type: null },
      { value: 'MRN-1', type: 'Medical Record Number' },
      { value: '999-12-3456', type: 'Social Security Number' },
      { value: 'MRN-2', type: 'MR' },
    ]);
    expect(await pullFromPacs(vault, connectPacs({ url }), { patientId: 'p-1' })).toMatchObject({ searchedIds: 2, outcomes: [] });
    expect(asked).toEqual(['MRN-1', 'MRN-2']);
    asked.length = 0;
    setIdentifiers([
      { value: 'SYN-1', type: null },
      { value: 'S99971521', type: "Driver's License" },
      { value: '999-12-3456', type: 'SS' },
    ]);
    await pullFromPacs(vault, connectPacs({ url }), { patientId: 'p-1' });
    expect(asked).toEqual(['SYN-1', 'p-1']);
    vault.close();
  });

  it('a connection dropped in the middle of an instance stops the pull with one line; what came before stays; pulling again finishes', async () => {
    const first = realDicom('nih_chest_dx.dcm');
    const second = withImplicitElement(first, 0x0008, 0x0018, '2.25.2');
    let dropping = true;
    const url = await serve(
      pacsWith([NIH_SOP, '2.25.2'], (sop, response) => {
        const full = multipart('b', [{ type: 'application/dicom', bytes: sop === NIH_SOP ? first : second }]);
        response.writeHead(200, { 'content-type': 'multipart/related; type="application/dicom"; boundary=b', 'content-length': String(full.length) });
        if (sop === NIH_SOP || !dropping) return response.end(full);
        response.write(full.subarray(0, 300_000), () => response.socket?.destroy());
      }),
    );
    const vault = createTestVault();
    addPatient(vault, { id: 'p-covid', given: 'Test', family: 'Covid0000', birthDate: null, identifiers: ['Covid0000'] });
    const error = await pullFromPacs(vault, connectPacs({ url }), { patientId: 'p-covid' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PullInterruptedError);
    expect((error as Error).message).toBe(
      `PACS at ${url}: the connection closed in the middle of instance 2.25.2; stopped after 1 of 2 instance(s), 1 newly imported kept; pull again for the rest`,
    );
    expect(vault.db.prepare(`SELECT count(*) FROM imaging_instances`).pluck().get()).toBe(1);
    expect(vault.db.prepare('PRAGMA integrity_check').pluck().get()).toBe('ok');

    dropping = false;
    const again = await pullFromPacs(vault, connectPacs({ url }), { patientId: 'p-covid' });
    expect(again.outcomes.map((o) => o.status)).toEqual(['already-imported', 'imported']);
    expect(vault.db.prepare(`SELECT count(*) FROM imaging_instances`).pluck().get()).toBe(2);
    vault.close();
  });
});

describe('DICOMweb faults before any instance', () => {
  it('silence: the timeout names the PACS and the wait', async () => {
    const url = await serve(() => undefined); // accepts, never answers
    const error = await searchStudies(connectPacs({ url, timeoutMs: 300 }), 'X').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DicomWebError);
    expect(error).toMatchObject({ kind: 'timeout', message: `PACS at ${url} did not answer the study search within 0.3 s` });
  });

  it('an answer that stalls half-way is given up after the idle timeout', async () => {
    const url = await serve(
      pacsWith(['2.25.1'], (_sop, response) => {
        response.writeHead(200, { 'content-type': 'multipart/related; type="application/dicom"; boundary=b' });
        response.write('--b\r\nContent-Type: application/dicom\r\n\r\n');
      }),
    );
    const error = await retrieveInstance(connectPacs({ url, timeoutMs: 300 }), { studyUid: STUDY, seriesUid: SERIES, sopInstanceUid: '2.25.1', sopClassUid: null, number: 1 }).catch(
      (e: unknown) => e,
    );
    expect(error).toMatchObject({ kind: 'timeout', message: `PACS at ${url} stopped sending instance 2.25.1 for 0.3 s; gave up` });
  });

  it('connection refused, a login page instead of DICOM JSON, malformed JSON, a redirect, a server error', async () => {
    const closed = await serve(() => undefined);
    await new Promise((resolve) => servers.pop()!.close(resolve));
    await expect(searchStudies(connectPacs({ url: closed }), 'X')).rejects.toThrow(`PACS at ${closed}: connection refused (is the PACS running, and is the port right?)`);

    const html = await serve((_q, r) => void r.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end('<html>login</html>'));
    await expect(searchStudies(connectPacs({ url: html }), 'X')).rejects.toThrow(
      `PACS at ${html} answered the study search with text/html, not DICOM JSON; is the URL the DICOMweb root?`,
    );
    const broken = await serve((_q, r) => void r.writeHead(200, { 'content-type': 'application/dicom+json' }).end('[{"0020000D": '));
    await expect(searchStudies(connectPacs({ url: broken }), 'X')).rejects.toThrow(`PACS at ${broken} answered the study search with malformed DICOM JSON`);
    const moved = await serve((_q, r) => void r.writeHead(301, { location: 'https://pacs.example/dicom-web/studies?PatientID=X' }).end());
    await expect(searchStudies(connectPacs({ url: moved, user: 'u', password: 'secret-pw' }), 'X')).rejects.toThrow(
      `PACS at ${moved} redirects the study search (HTTP 301 to https://pacs.example/dicom-web/studies); give the address it redirects to`,
    );
    const failing = await serve((_q, r) => void r.writeHead(503).end());
    await expect(searchStudies(connectPacs({ url: failing }), 'X')).rejects.toMatchObject({ kind: 'server-error', message: `PACS at ${failing} failed the study search (HTTP 503)` });
  });

  it('sends basic authentication only as a header, and a password over plain http to another host is flagged', async () => {
    let seen = '';
    const url = await serve((request, response) => {
      seen = request.headers.authorization ?? '';
      json(response, []);
    });
    await searchStudies(connectPacs({ url, user: 'radiology', password: 'pä:ss' }), 'X');
    expect(Buffer.from(seen.replace(/^Basic /, ''), 'base64').toString('utf8')).toBe('radiology:pä:ss');
    expect(connectPacs({ url, user: 'radiology', password: 'p' }).passwordInClear).toBe(false);
    expect(connectPacs({ url: 'http://pacs.clinic.lan/dicom-web', user: 'radiology', password: 'p' }).passwordInClear).toBe(true);
    expect(connectPacs({ url: 'https://pacs.clinic.lan/dicom-web/', user: 'radiology', password: 'p' })).toMatchObject({
      root: 'https://pacs.clinic.lan/dicom-web',
      passwordInClear: false,
    });
  });
});
