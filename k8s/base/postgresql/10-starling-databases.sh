#!/bin/bash
# Run once by the postgres image's entrypoint, on the first start with an empty data directory:
# one role and one database each for the auth service and Keycloak, owned by them (neither is a
# superuser). The passwords come from the Secret starling-postgresql through the environment.
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname postgres \
  --set auth_password="$AUTH_DB_PASSWORD" --set keycloak_password="$KEYCLOAK_DB_PASSWORD" <<'SQL'
CREATE ROLE starling LOGIN PASSWORD :'auth_password';
CREATE DATABASE starling OWNER starling;
CREATE ROLE keycloak LOGIN PASSWORD :'keycloak_password';
CREATE DATABASE keycloak OWNER keycloak;
SQL
