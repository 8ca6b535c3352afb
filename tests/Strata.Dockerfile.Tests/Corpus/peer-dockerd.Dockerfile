FROM scratch
ENV A=1 \   
    B=2 \	
# a comment line inside the continuation
        C=3 \

   	
        D=4 \
    # an indented comment
    E=5
ENV B another\\path
ENV C trailing\\backslash\\
ENV D This gets appended to C
ENV E hello\
\
world
	 LABEL	x="tabs"  
    # indented comment between instructions
LABEL y="\
     hello\
     world"
LABEL description="a \
multi-line label" \
      version=1.0
ENV F=${C}/$D G="${A:-x} ${Z:-zz} ${A:+yes}" H=\$A I='$A'
WORKDIR /w/${Z:-unset}/${A:+set}
USER ${E}
COPY --chown=1:1 a b /dst/
onbuild run echo hi
EXPOSE 80 \
