package io.starlingmq.auth.admin;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import io.starlingmq.auth.config.AuthConfig;
import io.starlingmq.auth.password.PasswordHasher;
import io.starlingmq.auth.registry.DeviceEntity;
import io.starlingmq.auth.registry.DeviceRepository;
import io.vertx.mutiny.core.Vertx;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.ClientErrorException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** CRUD for password-registry devices. Hashing runs off the event loop, before the transaction. */
@Path("/v1/admin/devices")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "admin: devices")
@SecurityRequirement(name = "SecurityScheme")
public class DeviceAdminResource {

    private static final int MAX_ID_LENGTH = 256;
    private static final int MAX_PASSWORD_LENGTH = 1024;

    private final DeviceRepository devices;
    private final PasswordHasher hasher;
    private final Vertx vertx;
    private final AuthConfig config;

    public DeviceAdminResource(DeviceRepository devices, PasswordHasher hasher, Vertx vertx, AuthConfig config) {
        this.devices = devices;
        this.hasher = hasher;
        this.vertx = vertx;
        this.config = config;
    }

    @GET
    @RolesAllowed({"admin", "viewer"})
    @WithSession
    @Operation(summary = "List devices, ordered by client id")
    public Uni<ResultPage<DeviceView>> list(@QueryParam("page") Integer page, @QueryParam("size") Integer size) {
        PageRequest paging = PageRequest.of(page, size, config);
        var query = devices.findAll(Sort.by("clientId")).page(paging.toPanache());
        return query.list().flatMap(items -> query.count().map(total -> new ResultPage<>(
                items.stream().map(DeviceView::of).toList(), paging.page(), paging.size(), total)));
    }

    @GET
    @Path("{clientId}")
    @RolesAllowed({"admin", "viewer"})
    @WithSession
    @Operation(summary = "Show one device")
    public Uni<DeviceView> get(@PathParam("clientId") String clientId) {
        return devices.findById(clientId).map(device -> DeviceView.of(existing(device, clientId)));
    }

    @POST
    @RolesAllowed("admin")
    @Operation(summary = "Register a device with its password")
    public Uni<Response> create(DeviceInput input) {
        if (input == null || !isValidId(input.clientId())) {
            throw new BadRequestException("clientId is required, at most " + MAX_ID_LENGTH + " characters");
        }
        requireValidPassword(input.password());
        return hash(input.password()).flatMap(hash -> Panache.withTransaction(() -> devices.findById(input.clientId())
                .flatMap(found -> {
                    if (found != null) {
                        throw new ClientErrorException("device " + input.clientId() + " exists", Response.Status.CONFLICT);
                    }
                    DeviceEntity device = new DeviceEntity();
                    device.clientId = input.clientId();
                    device.createdAt = Instant.now();
                    apply(device, input, hash);
                    return devices.persist(device);
                })))
                .map(device -> Response.status(Response.Status.CREATED).entity(DeviceView.of(device)).build());
    }

    @PUT
    @Path("{clientId}")
    @RolesAllowed("admin")
    @Operation(summary = "Change a device; a missing password keeps the current one")
    public Uni<DeviceView> update(@PathParam("clientId") String clientId, DeviceInput input) {
        if (input == null) {
            throw new BadRequestException("body is required");
        }
        Uni<String> newHash = input.password() == null ? Uni.createFrom().nullItem() : hashValidated(input.password());
        return newHash.flatMap(hash -> Panache.withTransaction(() -> devices.findById(clientId)
                .map(device -> {
                    DeviceEntity changed = existing(device, clientId);
                    apply(changed, input, hash);
                    return DeviceView.of(changed);
                })));
    }

    @DELETE
    @Path("{clientId}")
    @RolesAllowed("admin")
    @Operation(summary = "Remove a device")
    public Uni<Response> delete(@PathParam("clientId") String clientId) {
        return Panache.withTransaction(() -> devices.deleteById(clientId)).map(deleted -> {
            if (!deleted) {
                throw new NotFoundException("no device " + clientId);
            }
            return Response.noContent().build();
        });
    }

    private static void apply(DeviceEntity device, DeviceInput input, String hash) {
        device.username = input.username();
        device.superuser = Boolean.TRUE.equals(input.superuser());
        device.enabled = input.enabled() == null || input.enabled();
        if (hash != null) {
            device.passwordHash = hash;
        }
        device.updatedAt = Instant.now();
    }

    private Uni<String> hashValidated(String password) {
        requireValidPassword(password);
        return hash(password);
    }

    private Uni<String> hash(String password) {
        return vertx.executeBlocking(Uni.createFrom().item(() -> hasher.hash(password)));
    }

    private static DeviceEntity existing(DeviceEntity device, String clientId) {
        if (device == null) {
            throw new NotFoundException("no device " + clientId);
        }
        return device;
    }

    private static boolean isValidId(String id) {
        return id != null && !id.isEmpty() && id.length() <= MAX_ID_LENGTH;
    }

    private static void requireValidPassword(String password) {
        if (password == null || password.isEmpty() || password.length() > MAX_PASSWORD_LENGTH) {
            throw new BadRequestException("password is required, at most " + MAX_PASSWORD_LENGTH + " characters");
        }
    }
}
