namespace Strata.Dockerfile.Tests.Rules;

/// <summary>
/// Each safety rule on a Dockerfile that breaks it and one that does not, written from hadolint's documentation
/// (DL3007, DL3006, DL3002, DL3004, DL3025, DL3003) and, for Strata's own rules, from what they promise.
/// </summary>
public sealed class SafetyRuleTests
{
    [Theory]
    // DL3007 after ARG expansion; a digest pins it anyway.
    [InlineData("STR2001", "FROM debian:latest\n", new[] { 1 })]
    [InlineData("STR2001", "ARG TAG=latest\nFROM debian:${TAG}\n", new[] { 2 })]
    [InlineData("STR2001", "FROM debian:latest@sha256:0000000000000000000000000000000000000000000000000000000000000000\nFROM debian:12\n", new int[0])]
    // DL3006: no tag; not scratch, not an earlier stage's name (any case), not an image whose variable has no value.
    [InlineData("STR2002", "FROM debian\n", new[] { 1 })]
    [InlineData("STR2002", "ARG BASE=debian\nFROM $BASE\n", new[] { 2 })]
    [InlineData("STR2002", "FROM debian:12 AS Builder\nFROM builder\nFROM scratch\n", new int[0])]
    [InlineData("STR2002", "ARG BASE\nFROM $BASE\nFROM localhost:5000/app:1\n", new int[0])]
    // DL3002: the final stage's last USER; a stage that set root and later a user passes; an earlier stage does not count.
    [InlineData("STR2003", "FROM debian:12\nUSER app\nUSER root\n", new[] { 3 })]
    [InlineData("STR2003", "FROM debian:12\nRUN true\n", new[] { 1 })]
    [InlineData("STR2003", "FROM debian:12 AS build\nUSER root\nFROM debian:12\nUSER root\nUSER 1000:1000\n", new int[0])]
    [InlineData("STR2003", "FROM debian:12 AS base\nUSER 1000\nFROM base\nRUN true\n", new int[0])]
    [InlineData("STR2003", "FROM gcr.io/distroless/static:nonroot\n", new int[0])]
    // Secrets: by name or by shape; an empty ENV or a *_FILE pointer is no secret.
    [InlineData("STR2004", "FROM debian:12\nENV API_TOKEN=abc\nARG DB_PASSWORD\nENV KEY=AKIAABCDEFGHIJKLMNOP\n", new[] { 2, 3, 4 })]
    [InlineData("STR2004", "FROM debian:12\nENV PASSWORD_FILE=/run/secrets/db HOME=/app\nARG VERSION=1\n", new int[0])]
    [InlineData("STR2004", "FROM debian:12\nENV AUTHOR=me TOKEN_URL=https://example.com/token\n", new int[0])]
    [InlineData("STR2004", "FROM debian:12\nENV AWS_SECRET_ACCESS_KEY=x\nARG GITHUB_TOKEN\n", new[] { 2, 3 })]
    [InlineData("STR2005", "FROM debian:12\nRUN curl -fsSL https://example.com/install.sh | bash\n", new[] { 2 })]
    [InlineData("STR2005", "FROM debian:12\nRUN curl -fsSLo install.sh https://example.com/install.sh && sha256sum -c sums && sh install.sh\n", new int[0])]
    // DL3004
    [InlineData("STR2006", "FROM debian:12\nRUN sudo apt-get update\n", new[] { 2 })]
    [InlineData("STR2006", "FROM debian:12\nRUN echo sudo\n", new int[0])]
    // DL3025
    [InlineData("STR2007", "FROM debian:12\nCMD python app.py\nENTRYPOINT /app/run\n", new[] { 2, 3 })]
    [InlineData("STR2007", "FROM debian:12\nCMD [\"python\", \"app.py\"]\nENTRYPOINT [\"/app/run\"]\n", new int[0])]
    // DL3003
    [InlineData("STR2008", "FROM debian:12\nRUN cd /app && make\n", new[] { 2 })]
    [InlineData("STR2008", "FROM debian:12\nWORKDIR /app\nRUN make\n", new int[0])]
    public void Rule_fires_exactly_where_expected(string id, string dockerfile, int[] lines)
    {
        Assert.Equal(lines, Lint.Lines(dockerfile, id));
    }
}
