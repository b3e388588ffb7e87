# One image per app from one multi-stage build: docker build --build-arg APP=matching .
FROM node:20-bookworm-slim AS build
WORKDIR /src
COPY package.json package-lock.json ./
RUN npm ci --ignore-scripts
COPY tsconfig.json tsconfig.build.json nest-cli.json ./
COPY libs libs
COPY apps apps
ARG APP
RUN npx nest build ${APP} && npm prune --omit=dev \
 && mv dist/apps/${APP} /out && echo "require('./apps/${APP}/src/main.js');" > /out/main.js

FROM node:20-bookworm-slim
ENV NODE_ENV=production
# Inside a container the app listens on every interface (its default is 127.0.0.1).
ENV HOST=0.0.0.0
WORKDIR /app
COPY --from=build /src/node_modules node_modules
COPY --from=build /out dist
# The station console's static files (served by dispatch at /console/).
COPY console console
USER 1000
# Exec form: node itself receives SIGTERM and shuts down gracefully (consumers leave the group).
CMD ["node", "dist/main.js"]
