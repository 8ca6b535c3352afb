namespace Strata.Dockerfile.Tests.Rules;

/// <summary>
/// Each size and cache rule on a Dockerfile that breaks it and one that does not, written from hadolint's rule
/// documentation (DL3009, DL3015, DL3042, DL3019, DL3032, DL3040, DL3036, DL3060, DL3059, DL3020, DL3046) and, for
/// Strata's own rules, from what the layer model implies.
/// </summary>
public sealed class SizeRuleTests
{
    [Theory]
    // DL3009: the lists stay when the RUN that updates does not remove them.
    [InlineData("STR1001", "FROM debian:12\nRUN apt-get update && apt-get install -y --no-install-recommends curl\n", new[] { 2 })]
    [InlineData("STR1001", "FROM debian:12\nRUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*\n", new int[0])]
    [InlineData("STR1001", "FROM debian:12\nRUN --mount=type=cache,target=/var/lib/apt/lists apt-get update && apt-get install -y --no-install-recommends curl\n", new int[0])]
    [InlineData("STR1001", "FROM debian:12\nRUN --mount=type=cache,target=/var/lib/apt --mount=type=cache,target=/var/cache/apt apt-get update\n", new int[0])]
    // A build stage nothing builds FROM: its layers never reach the final image (as hadolint).
    [InlineData("STR1001", "FROM debian:12 AS build\nRUN apt-get update && apt-get install -y --no-install-recommends gcc\nFROM scratch\nCOPY --from=build /x /x\n", new int[0])]
    [InlineData("STR1001", "FROM debian:12 AS base\nRUN apt-get update && apt-get install -y --no-install-recommends gcc\nFROM base\nRUN true\n", new[] { 2 })]
    // DL3015: apt-get install only.
    [InlineData("STR1002", "FROM debian:12\nRUN apt-get install -y curl\n", new[] { 2 })]
    [InlineData("STR1002", "FROM debian:12\nRUN apt-get install -y --no-install-recommends curl && apt-get install -o APT::Install-Recommends=false git\n", new int[0])]
    [InlineData("STR1002", "FROM debian:12\nRUN apt install -y curl && apt-get update\n", new int[0])]
    // DL3042: pip, pip3, python -m pip; not pipx or pipenv; PIP_NO_CACHE_DIR and a cache mount satisfy it.
    [InlineData("STR1003", "FROM python:3.12-slim\nRUN pip install flask\nRUN python3 -m pip install requests\n", new[] { 2, 3 })]
    [InlineData("STR1003", "FROM python:3.12-slim\nRUN pip install --no-cache-dir flask && pipx install black && pipenv install\n", new int[0])]
    [InlineData("STR1003", "FROM python:3.12-slim\nENV PIP_NO_CACHE_DIR=1\nRUN pip install flask\n", new int[0])]
    [InlineData("STR1003", "FROM python:3.12-slim\nRUN PIP_NO_CACHE_DIR=true pip install flask\n", new int[0])]
    [InlineData("STR1003", "FROM python:3.12-slim AS base\nENV PIP_NO_CACHE_DIR=1\nFROM base\nRUN pip install flask\n", new int[0])]
    [InlineData("STR1003", "FROM python:3.12-slim\nRUN pip install flask\nENV PIP_NO_CACHE_DIR=1\n", new[] { 2 })]
    [InlineData("STR1003", "FROM python:3.12-slim\nRUN --mount=type=cache,target=/root/.cache/pip pip install flask\n", new int[0])]
    // DL3019
    [InlineData("STR1004", "FROM alpine:3.20\nRUN apk update && apk add curl\n", new[] { 2 })]
    [InlineData("STR1004", "FROM alpine:3.20\nRUN apk add --no-cache curl\nRUN --mount=type=cache,target=/var/cache/apk apk add git\n", new int[0])]
    // DL3032: yum clean all after the install, in the same RUN.
    [InlineData("STR1005", "FROM centos:7\nRUN yum install -y httpd\n", new[] { 2 })]
    [InlineData("STR1005", "FROM centos:7\nRUN yum clean all && yum install -y httpd\n", new[] { 2 })]
    [InlineData("STR1005", "FROM centos:7\nRUN yum install -y httpd && yum clean all\n", new int[0])]
    // DL3040
    [InlineData("STR1006", "FROM fedora:40\nRUN dnf install -y httpd\nRUN microdnf upgrade -y\n", new[] { 2, 3 })]
    [InlineData("STR1006", "FROM fedora:40\nRUN dnf install -y httpd && dnf clean all\nRUN --mount=type=cache,target=/var/cache/libdnf5 dnf install -y git\n", new int[0])]
    // DL3036
    [InlineData("STR1007", "FROM opensuse/leap:15\nRUN zypper install -y httpd\n", new[] { 2 })]
    [InlineData("STR1007", "FROM opensuse/leap:15\nRUN zypper install -y httpd && zypper clean\n", new int[0])]
    // DL3060
    [InlineData("STR1008", "FROM node:20-slim\nRUN yarn install\n", new[] { 2 })]
    [InlineData("STR1008", "FROM node:20-slim\nRUN yarn install && yarn cache clean\nRUN --mount=type=cache,target=/usr/local/share/.cache/yarn yarn install\n", new int[0])]
    [InlineData("STR1009", "FROM node:20-slim\nRUN npm ci --omit=dev\n", new[] { 2 })]
    [InlineData("STR1009", "FROM node:20-slim\nRUN npm ci --omit=dev && npm cache clean --force\nRUN --mount=type=cache,target=/root/.npm npm ci\n", new int[0])]
    // DL3059: two short RUNs in a row, comments between do not separate them; other instructions, long chains and different flags do.
    [InlineData("STR1010", "FROM debian:12\nRUN echo a\n# note\nRUN echo b\n", new[] { 4 })]
    [InlineData("STR1010", "FROM debian:12\nRUN echo a\nWORKDIR /x\nRUN echo b\nRUN a && b && c\nRUN --mount=type=cache,target=/c echo d\n", new int[0])]
    // A RUN that only deletes only hides.
    [InlineData("STR1011", "FROM debian:12\nCOPY big /tmp/big\nRUN rm -f /tmp/big\n", new[] { 3 })]
    [InlineData("STR1011", "FROM debian:12\nRUN curl -o /tmp/x https://example.com/x && tar -xf /tmp/x && rm /tmp/x\n", new int[0])]
    // COPY . . before the dependency install.
    [InlineData("STR1012", "FROM node:20-slim\nWORKDIR /app\nCOPY . .\nRUN npm ci --omit=dev && npm cache clean --force\n", new[] { 3 })]
    [InlineData("STR1012", "FROM node:20-slim\nWORKDIR /app\nCOPY package.json package-lock.json ./\nRUN npm ci --omit=dev && npm cache clean --force\nCOPY . .\n", new int[0])]
    // Toolchains in the final image; none in a build stage.
    [InlineData("STR1013", "FROM debian:12-slim\nRUN apt-get update && apt-get install -y --no-install-recommends build-essential libssl-dev && rm -rf /var/lib/apt/lists/*\n", new[] { 2 })]
    [InlineData("STR1013", "FROM golang:1.22\nRUN go build -o /app .\n", new[] { 1 })]
    [InlineData("STR1013", "FROM golang:1.22 AS build\nRUN go build -o /app .\nFROM debian:12-slim AS b2\nRUN apt-get update && apt-get install -y --no-install-recommends gcc && rm -rf /var/lib/apt/lists/*\nFROM scratch\nCOPY --from=build /app /app\n", new int[0])]
    // Full base images with a slim variant; slim and alpine ones pass, and so do non-official images.
    [InlineData("STR1014", "FROM node:20\n", new[] { 1 })]
    [InlineData("STR1014", "ARG V=3.12\nFROM python:${V}\n", new[] { 2 })]
    [InlineData("STR1014", "FROM node:20-slim\n", new int[0])]
    [InlineData("STR1014", "FROM python:3.12-alpine\n", new int[0])]
    [InlineData("STR1014", "FROM ghcr.io/acme/node:20\n", new int[0])]
    [InlineData("STR1014", "FROM docker.io/library/ubuntu:22.04\n", new[] { 1 })]
    [InlineData("STR1014", "FROM eclipse-temurin:21-jre\n", new int[0])]
    [InlineData("STR1014", "FROM node:20 AS build\nFROM gcr.io/distroless/nodejs20-debian12\n", new int[0])]
    // DL3020: ADD of local files; URLs and archives are ADD's job.
    [InlineData("STR1015", "FROM debian:12\nADD app.py /app/\n", new[] { 2 })]
    [InlineData("STR1015", "FROM debian:12\nADD rootfs.tar.gz /\nADD https://example.com/a.txt /a.txt\n", new int[0])]
    [InlineData("STR1016", "FROM debian:12\nRUN apt-get update && apt-get -y dist-upgrade\n", new[] { 2 })]
    [InlineData("STR1016", "FROM debian:12\nRUN apt-get update && apt-get install -y --no-install-recommends --only-upgrade openssl\n", new int[0])]
    // DL3046: a UID of more than five digits without -l.
    [InlineData("STR1017", "FROM debian:12\nRUN useradd -u 123456 app\n", new[] { 2 })]
    [InlineData("STR1017", "FROM debian:12\nRUN useradd -l -u 123456 app && useradd -u 1001 other\n", new int[0])]
    public void Rule_fires_exactly_where_expected(string id, string dockerfile, int[] lines)
    {
        Assert.Equal(lines, Lint.Lines(dockerfile, id));
    }
}
