-- Run once as the postgres superuser: sudo -u postgres psql -f create-platform.sql
-- The role the silos connect as, owning the database; the silos create the schema at start.
\prompt 'password for the platform role: ' platform_password
CREATE ROLE platform LOGIN PASSWORD :'platform_password';
CREATE DATABASE platform OWNER platform;
REVOKE CONNECT ON DATABASE platform FROM PUBLIC;
