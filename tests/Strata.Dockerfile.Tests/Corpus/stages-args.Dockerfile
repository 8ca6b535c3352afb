ARG BASE=python
ARG TAG=3.12
ARG VARIANT=${TAG}-slim
FROM --platform=$BUILDPLATFORM ${BASE}:${TAG} AS Build
ARG TAG
ENV PIP_ROOT=/opt/pip HOME=/root
ENV CACHE=${HOME}/.cache
RUN --mount=type=cache,target=/root/.cache/pip,sharing=locked \
    --mount=type=secret,id=npmrc,target=/root/.npmrc \
    --mount=type=bind,source=requirements.txt,target=/tmp/req.txt,readonly \
    --network=none \
    pip install -r /tmp/req.txt
FROM build AS test
RUN pytest
FROM ${BASE}:${VARIANT}
COPY --from=build --chown=app:app --chmod=0755 --link /opt/pip /opt/pip
USER ${USER:-app}
