#!/bin/sh
echo "native schema engine unavailable, use: npm run db:migrate (or db:migrate:dev)" >&2
exit 1
