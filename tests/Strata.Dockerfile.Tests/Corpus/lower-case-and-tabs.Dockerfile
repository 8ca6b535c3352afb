from	alpine AS base
	run	apk add --no-cache tini
  workdir /srv
Expose 8080/tcp 9090
stopsignal SIGTERM
maintainer someone@example.com
user 1000:1000
entrypoint ["/sbin/tini", "--"]
