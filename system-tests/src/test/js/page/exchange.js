// Opened by MqttJsInChromiumTest in headless Chromium. Query parameters: broker (ws:// or wss:// URL),
// topic (base of this run's topics), clientId, protocolVersion (4 = 3.1.1, 5 = 5.0).
// Each step is POSTed to /events as JSON, so the test sees what MQTT.js saw.
(function () {
  'use strict';
  const params = new URLSearchParams(window.location.search);
  const base = params.get('topic');

  function report(event) {
    return fetch('/events', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(event)
    });
  }

  function reportError(step, error) {
    report({ type: 'error', step: step, message: String((error && error.message) || error) });
  }

  window.addEventListener('error', (e) => reportError('page', e.message));

  if (typeof mqtt === 'undefined') {
    reportError('load', 'the MQTT.js bundle did not load');
    return;
  }

  const client = mqtt.connect(params.get('broker'), {
    clientId: params.get('clientId'),
    protocolVersion: Number(params.get('protocolVersion')),
    clean: true,
    connectTimeout: 20000,
    // One attempt: a refused or untrusted connection must show up as a failure, not be retried.
    reconnectPeriod: 0
  });

  client.on('error', (error) => reportError('client', error));
  client.on('close', () => report({ type: 'closed' }));
  client.on('message', (topic, payload, packet) => report({
    type: 'message', topic: topic, payload: new TextDecoder().decode(payload), qos: packet.qos
  }));

  client.on('connect', (connack) => {
    report({ type: 'connected', sessionPresent: connack.sessionPresent });
    client.subscribe([base + '/to-browser', base + '/loopback'], { qos: 1 }, (error, granted) => {
      if (error) {
        reportError('subscribe', error);
        return;
      }
      report({ type: 'subscribed', granted: granted.map((g) => g.qos) }).then(() => {
        publish(base + '/loopback', 'loopback from chromium');
        publish(base + '/from-browser', 'hello from chromium');
      });
    });
  });

  function publish(topic, payload) {
    client.publish(topic, payload, { qos: 1 }, (error) => {
      if (error) {
        reportError('publish', error);
      } else {
        report({ type: 'published', topic: topic });
      }
    });
  }
})();
