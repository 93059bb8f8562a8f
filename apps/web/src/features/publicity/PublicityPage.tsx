import { useState } from 'react';
import { Card, Tabs, Typography } from 'antd';
import { useCurrentUser } from '../auth/AuthContext';
import { ArticlesTab } from './ArticlesTab';
import { EpisodesTab } from './EpisodesTab';
import { LedgerTab } from './LedgerTab';
import { TypicalCaseBoard } from './TypicalCaseBoard';

/** 宣传 (supervisor runs it, leadership reads it): typical cases by stage, 《向前一步》, the 12345 column, the bonus ledger. */
export default function PublicityPage() {
  const user = useCurrentUser();
  const canAct = user.role === 'supervisor';
  const [tab, setTab] = useState('typical');
  return (
    <Card className="page-card" data-testid="publicity-page">
      <div className="page-toolbar">
        <Typography.Title level={4} className="page-title">
          宣传加分
        </Typography.Title>
      </div>
      <Tabs
        activeKey={tab}
        onChange={setTab}
        destroyOnHidden
        items={[
          { key: 'typical', label: <span data-testid="publicity-tab-typical">典型案例</span>, children: <TypicalCaseBoard canAct={canAct} /> },
          { key: 'episodes', label: <span data-testid="publicity-tab-episodes">《向前一步》</span>, children: <EpisodesTab canAct={canAct} /> },
          { key: 'articles', label: <span data-testid="publicity-tab-articles">12345市民热线专栏</span>, children: <ArticlesTab canAct={canAct} /> },
          { key: 'ledger', label: <span data-testid="publicity-tab-ledger">加分台账</span>, children: <LedgerTab /> },
        ]}
      />
    </Card>
  );
}
