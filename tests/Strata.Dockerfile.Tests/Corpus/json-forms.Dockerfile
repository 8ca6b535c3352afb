FROM busybox
RUN ["c:\\windows\\system32\\tasklist.exe"]
RUN ["c:\windows\system32\tasklist.exe"]
CMD [ "echo", "say \"hi\"", "\u00e9t\u00e9", "tab\there" ]
ENTRYPOINT ["/bin/sh", \
            "-c"]
CMD [not json]
VOLUME ["/data", "/logs"]
VOLUME /var/cache /tmp
SHELL ["/bin/bash", "-o", "pipefail", "-c"]
RUN [ ]
HEALTHCHECK --interval=5m --timeout=3s \
  CMD curl -f http://localhost/ || exit 1
