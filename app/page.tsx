export default function Home() {
  return (
    <main style={{ padding: 24 }}>
      <h1>NYC transit, live</h1>
      <p>The dashboard connects to the engine over socket.io.</p>
    </main>
  );
}
