# syntax=docker/dockerfile:1
FROM alpine:3.20
RUN <<EOT bash
  set -ex
  apt-get update
  apt-get install -y vim
EOT
RUN <<FILE1 cat > file1 && <<FILE2 cat > file2
I am
first
FILE1
I am
second
FILE2
COPY <<EOF greeting.txt
hello world
EOF
ARG FOO=bar
COPY <<-"EOT" /script.sh
		echo "hello ${FOO}"
	EOT
RUN 3<<'DATA' python3 - \
    --verbose
# not a comment: heredoc bodies are kept as written
RUN echo this is body text, not an instruction \
DATA
RUN <<EMPTY
EMPTY
CMD ["sh"]
