/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  // The server (server/main.ts) runs Next in the same process as socket.io and the engine.
  poweredByHeader: false,
  typescript: { ignoreBuildErrors: false },
};

export default nextConfig;
