ARG BASE=python:3.12
ARG TAG
# expect: STR1003@9
FROM ${BASE} AS builder
RUN pip install --no-cache-dir build && python -m build
FROM builder AS test
RUN pytest
FROM python:${TAG}
ONBUILD RUN pip install -r requirements.txt
COPY --from=builder /dist /dist
FROM scratch AS final
COPY --from=builder /dist /dist
USER 1000
