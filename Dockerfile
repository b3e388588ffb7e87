# One image per app from one multi-stage build: docker build --build-arg APP=matching .
FROM node:20-bookworm-slim AS build
WORKDIR /src
COPY package.json package-lock.json ./
RUN npm ci --ignore-scripts
COPY tsconfig.json tsconfig.build.json nest-cli.json ./
COPY libs libs
COPY apps apps
ARG APP
RUN npx nest build ${APP} && npm prune --omit=dev

FROM node:20-bookworm-slim
ENV NODE_ENV=production
WORKDIR /app
ARG APP
ENV APP=${APP}
COPY --from=build /src/node_modules node_modules
COPY --from=build /src/dist/apps/${APP} dist
USER node
CMD node dist/apps/${APP}/src/main.js
