FROM python:3.12-slim AS builder
ONBUILD ADD . /app/src
onbuild run /usr/local/bin/python-build --dir /app/src
ONBUILD COPY --from=build /usr/bin/app /app
ONBUILD RUN --mount=from=config,target=/opt/appconfig \
    cat /opt/appconfig/settings.ini
ONBUILD RUN <<EOF
echo triggered
EOF
