import { test } from 'node:test';
import assert from 'node:assert/strict';
import { X509Certificate, createHash, verify } from 'node:crypto';
import { open, openPackage, parseReturn, pull, setup } from './helpers.js';

test('agree → notification → one-shot pull of a signed, encrypted package', async () => {
  const { sandbox, receiver, close } = await setup();
  try {
    const resources = ['API.UDauDOLyZg', 'API.AbAYGIjoYw'];
    const { response, txId } = await open(sandbox, { resources, pid: 'F126330107' });
    assert.equal(response.status, 200);
    const back = parseReturn(await sandbox.approve(txId, 'low-income'));
    assert.deepEqual(back, { code: 200, txId, form: 'tuition' });
    assert.equal(receiver.notifications.length, 1);
    const n = receiver.notifications[0]!;
    assert.equal(n.tx_id, txId);

    const first = await pull(sandbox, n);
    assert.equal(first.status, 200);
    assert.equal(first.headers.get('content-type'), 'application/jwe');
    const { payload, outer, datasets } = await openPackage(await first.text(), n);
    assert.equal(payload.filename, 'CLI.testclient.zip');
    assert.deepEqual(Object.keys(outer).sort(), ['API.AbAYGIjoYw.zip', 'API.UDauDOLyZg.zip', 'META-INFO/manifest.xml']);

    const ca = new X509Certificate(sandbox.caCertificate);
    for (const resource of resources) {
      const files = datasets[resource]!;
      const manifest = files['META-INFO/manifest.xml']!;
      const cert = new X509Certificate(files['certificate.cer']!);
      assert.ok(cert.checkIssued(ca) && cert.verify(ca.publicKey), 'issued by the sandbox CA');
      assert.ok(verify('sha256', manifest, cert.publicKey, files['manifest.sha256withrsa']!), 'manifest signature');
      const text = new TextDecoder().decode(manifest);
      const data = files[`${resource}.json`]!;
      assert.ok(text.includes(createHash('sha256').update(data).digest('hex')), 'digest of the data file');
    }
    const household = JSON.parse(new TextDecoder().decode(datasets['API.UDauDOLyZg']!['API.UDauDOLyZg.json'])) as { householdBasicData21: { household_head_id: string } };
    assert.equal(household.householdBasicData21.household_head_id, 'F126330107');

    const second = await pull(sandbox, n);
    assert.equal(second.status, 201);
  } finally {
    await close();
  }
});
