package io.starlingmq.router.sys;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** The EMQX-like JSON payloads of client connected and disconnected events. */
@ApplicationScoped
public class ClientEventJson {

    @Inject
    ObjectMapper mapper;

    byte[] connected(ConnectedClient client) {
        ObjectNode json = common(client);
        json.put("keepalive", client.keepAlive());
        json.put("clean_start", client.cleanStart());
        json.put("expiry_interval", client.expiryInterval());
        json.put("connected_at", client.connectedAtMillis());
        json.put("ts", client.connectedAtMillis());
        return bytes(json);
    }

    byte[] disconnected(ConnectedClient client, String reason, long disconnectedAtMillis) {
        ObjectNode json = common(client);
        json.put("reason", reason);
        json.put("connected_at", client.connectedAtMillis());
        json.put("disconnected_at", disconnectedAtMillis);
        json.put("ts", disconnectedAtMillis);
        return bytes(json);
    }

    private ObjectNode common(ConnectedClient client) {
        ObjectNode json = mapper.createObjectNode();
        json.put("clientid", client.clientId());
        json.put("username", client.username());
        json.put("ipaddress", client.ipAddress());
        json.put("proto_name", "MQTT");
        json.put("proto_ver", client.protoVer());
        return json;
    }

    private byte[] bytes(ObjectNode json) {
        try {
            return mapper.writeValueAsBytes(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a tree of strings and numbers always serializes", e);
        }
    }
}
