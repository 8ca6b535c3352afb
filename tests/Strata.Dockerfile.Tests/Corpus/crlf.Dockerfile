# syntax=docker/dockerfile:1
FROM alpine:3.20
# a comment
RUN apk add --no-cache \
      curl \
      jq
RUN <<EOF
echo crlf heredoc
EOF

CMD ["jq", "--version"]
