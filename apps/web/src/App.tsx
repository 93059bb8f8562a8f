import { createElement, Suspense } from 'react';
import { ApolloProvider } from '@apollo/client';
import { App as AntApp, ConfigProvider, Spin } from 'antd';
// The ES module build: `antd/locale/zh_CN` is CommonJS, and the bundle handed ConfigProvider its
// exports object instead of the locale — every antd text (date pickers, pagination) was English.
import zhCN from 'antd/es/locale/zh_CN';
import { BrowserRouter, Navigate, Route, Routes } from 'react-router-dom';
import { createApolloClient } from './app/apolloClient';
import { AuthProvider, useAuth } from './features/auth/AuthContext';
import LoginPage from './pages/login';
import { RequireAuth, RequireRole } from './features/auth/RequireAuth';
import CaseDetailPage from './pages/case-detail';
import { AppLayout } from './app/AppLayout';
import { homePathFor, NAVIGATION } from './app/navigation';
import NotFoundPage from './pages/not-found';
import WelcomePage from './pages/welcome';

const client = createApolloClient();

function HomeRedirect() {
  const { user } = useAuth();
  return <Navigate to={user ? homePathFor(user.role) : '/login'} replace />;
}

function AppRoutes() {
  return (
    <Routes>
      <Route path="/login" element={<LoginPage />} />
      <Route
        element={
          <RequireAuth>
            <AppLayout />
          </RequireAuth>
        }
      >
        <Route index element={<HomeRedirect />} />
        {NAVIGATION.map((entry) => (
          <Route key={entry.key} path={entry.path} element={<RequireRole roles={entry.roles}>{createElement(entry.component)}</RequireRole>} />
        ))}
        <Route path="/cases/:id" element={<CaseDetailPage />} />
        <Route path="/welcome" element={<WelcomePage />} />
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}

export function App() {
  return (
    <ConfigProvider locale={zhCN} theme={{ token: { colorPrimary: '#1d5fbf', borderRadius: 4 } }}>
      <AntApp>
        <ApolloProvider client={client}>
          <AuthProvider>
            <BrowserRouter>
              <Suspense fallback={<Spin size="large" className="page-spin" />}>
                <AppRoutes />
              </Suspense>
            </BrowserRouter>
          </AuthProvider>
        </ApolloProvider>
      </AntApp>
    </ConfigProvider>
  );
}
