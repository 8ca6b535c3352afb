FROM debian:12
RUN apt-get update \   
    && apt-get install -y \	
# a comment line inside the continuation
        curl \

   	
        git \
    # an indented comment
    && rm -rf /var/lib/apt/lists/*
ENV A path
ENV B another\\path
ENV C trailing\\backslash\\
ENV D This gets appended to C
ENV E hello\
\
world
	 RUN	echo	"tabs"  
    # indented comment between instructions
RUN echo "\
     hello\
     world"
LABEL description="a \
multi-line label" \
      version=1.0
RUN echo last \
