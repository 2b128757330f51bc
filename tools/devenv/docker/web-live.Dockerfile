# The web image Tilt builds for live update: the same nginx and nginx.conf as apps/web/Dockerfile,
# serving apps/web/dist that `vite build --watch` (the web-bundle resource) keeps up to date on the
# host. Tilt syncs each rebuilt file into the running container, so editing the app never rebuilds
# this image. The build context is apps/web (only dist/ and nginx.conf).
ARG NGINX_IMAGE=nginx:1.27-bookworm
FROM ${NGINX_IMAGE}
COPY nginx.conf /etc/nginx/nginx.conf
COPY dist/ /usr/share/nginx/html/
# The document root is owned by the runtime user so live update can write into it.
RUN chown -R 101:101 /usr/share/nginx/html
USER 101:101
EXPOSE 5000
ENTRYPOINT ["nginx", "-e", "stderr", "-g", "daemon off;"]
